import type { Tf, TfTensor } from "./tfjs.js";

/**
 * A small TensorFlow Lite interpreter on TensorFlow.js ops: it reads a .tflite flatbuffer (the TFLite
 * schema's Model, SubGraph, Tensor, Operator and Buffer tables) and runs its operators one by one with
 * tfjs-core. It knows the float operators of MediaPipe's selfie segmenter (conv, depthwise conv, average
 * pool, add, mul, hard-swish, relu, logistic, bilinear resize, float16 dequantize and MediaPipe's custom
 * Convolution2DTransposeBias); any other operator makes `load` throw, naming it.
 */
class Reader {
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u8 = (at: number) => this.#view.getUint8(at);
  i8 = (at: number) => this.#view.getInt8(at);
  u16 = (at: number) => this.#view.getUint16(at, true);
  i32 = (at: number) => this.#view.getInt32(at, true);
  u32 = (at: number) => this.#view.getUint32(at, true);
  f16 = (at: number) => half(this.u16(at));
  /** The table that the offset at `at` points to. */
  table(at: number): Table {
    const position = at + this.u32(at);
    return new Table(this, position);
  }
  /** A vector at the offset `at`: its length and the position of its first element. */
  vector(at: number): { length: number; start: number } {
    const position = at + this.u32(at);
    return { length: this.u32(position), start: position + 4 };
  }
  string(at: number): string {
    const { length, start } = this.vector(at);
    return new TextDecoder().decode(this.bytes.subarray(start, start + length));
  }
}

class Table {
  readonly #vtable: number;
  readonly #vtableLength: number;
  constructor(
    readonly reader: Reader,
    readonly position: number,
  ) {
    this.#vtable = position - reader.i32(position);
    this.#vtableLength = reader.u16(this.#vtable);
  }
  /** The position of field `index`, or 0 when it is absent. */
  field(index: number): number {
    const offset = 4 + index * 2;
    if (offset >= this.#vtableLength) return 0;
    const relative = this.reader.u16(this.#vtable + offset);
    return relative === 0 ? 0 : this.position + relative;
  }
  int(index: number, fallback = 0, size: 1 | 4 = 4): number {
    const at = this.field(index);
    if (at === 0) return fallback;
    return size === 1 ? this.reader.i8(at) : this.reader.i32(at);
  }
  bool(index: number): boolean {
    const at = this.field(index);
    return at !== 0 && this.reader.u8(at) !== 0;
  }
  ints(index: number): number[] {
    const at = this.field(index);
    if (at === 0) return [];
    const { length, start } = this.reader.vector(at);
    return Array.from({ length }, (_, item) => this.reader.i32(start + 4 * item));
  }
  tables(index: number): Table[] {
    const at = this.field(index);
    if (at === 0) return [];
    const { length, start } = this.reader.vector(at);
    return Array.from({ length }, (_, item) => this.reader.table(start + 4 * item));
  }
  bytes(index: number): Uint8Array {
    const at = this.field(index);
    if (at === 0) return new Uint8Array(0);
    const { length, start } = this.reader.vector(at);
    return this.reader.bytes.subarray(start, start + length);
  }
  child(index: number): Table | undefined {
    const at = this.field(index);
    return at === 0 ? undefined : this.reader.table(at);
  }
}

function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** TFLite's BuiltinOperator codes that this interpreter runs. */
const Builtin = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  LOGISTIC: 14,
  MUL: 18,
  RELU: 19,
  RESIZE_BILINEAR: 23,
  CUSTOM: 32,
  HARD_SWISH: 117,
} as const;

interface TensorInfo {
  name: string;
  shape: number[];
  type: number;
  data: Uint8Array;
}

interface Operator {
  code: number;
  custom: string;
  inputs: number[];
  outputs: number[];
  options: Table | undefined;
  customOptions: Uint8Array;
}

/** A loaded .tflite model: `run` takes the input as a tfjs tensor and returns the first output (caller disposes). */
export interface TfliteModel {
  inputShape: number[];
  run(input: TfTensor): TfTensor;
  dispose(): void;
}

export function loadTflite(tf: Tf, bytes: Uint8Array): TfliteModel {
  const reader = new Reader(bytes);
  const model = reader.table(0);
  const codes = model.tables(1).map((code) => ({
    builtin: Math.max(code.int(0, 0, 1), code.int(3)),
    custom: code.field(1) ? reader.string(code.field(1)) : "",
  }));
  const buffers = model.tables(4).map((buffer) => buffer.bytes(0));
  const graph = model.tables(2)[0];
  if (graph === undefined) throw new Error("the .tflite file has no subgraph");
  const tensors: TensorInfo[] = graph.tables(0).map((tensor) => ({
    shape: tensor.ints(0),
    type: tensor.int(1, 0, 1),
    data: buffers[tensor.int(2)] ?? new Uint8Array(0),
    name: tensor.field(3) ? reader.string(tensor.field(3)) : "",
  }));
  const operators: Operator[] = graph.tables(3).map((op) => {
    const code = codes[op.int(0)]!;
    return {
      code: code.builtin,
      custom: code.custom,
      inputs: op.ints(1),
      outputs: op.ints(2),
      options: op.child(4),
      customOptions: op.bytes(5),
    };
  });
  for (const op of operators) {
    const known = (Object.values(Builtin) as number[]).includes(op.code);
    if (!known || (op.code === Builtin.CUSTOM && op.custom !== "Convolution2DTransposeBias"))
      throw new Error(`the .tflite model uses operator ${op.custom || op.code}, which this interpreter does not run`);
  }
  const [inputIndex] = graph.ints(1);
  const [outputIndex] = graph.ints(2);
  if (inputIndex === undefined || outputIndex === undefined) throw new Error("the .tflite model has no input/output");

  // Constant tensors (weights, biases, sizes) become tfjs tensors once; float16 weights are widened.
  const constants = new Map<number, TfTensor>();
  const t = tf as unknown as Record<string, (...args: unknown[]) => TfTensor>;
  tensors.forEach((info, index) => {
    if (info.data.length === 0) return;
    const view = new DataView(info.data.buffer, info.data.byteOffset, info.data.byteLength);
    const count = info.shape.reduce((a, b) => a * b, 1);
    if (info.type === 0) {
      const values = new Float32Array(count);
      for (let k = 0; k < count; k++) values[k] = view.getFloat32(4 * k, true);
      constants.set(index, t["tensor"]!(values, info.shape, "float32"));
    } else if (info.type === 1) {
      const values = new Float32Array(count);
      for (let k = 0; k < count; k++) values[k] = half(view.getUint16(2 * k, true));
      constants.set(index, t["tensor"]!(values, info.shape, "float32"));
    } else if (info.type === 2) {
      const values = new Int32Array(count);
      for (let k = 0; k < count; k++) values[k] = view.getInt32(4 * k, true);
      constants.set(index, t["tensor"]!(values, info.shape, "int32"));
    } else {
      throw new Error(`the .tflite tensor ${info.name} has type ${info.type}, which this interpreter does not read`);
    }
  });

  // Weights in tfjs's layouts, prepared once: conv [out,kh,kw,in] → [kh,kw,in,out]; depthwise [1,kh,kw,c] →
  // [kh,kw,c,1]; transpose conv [out,kh,kw,in] → [kh,kw,out,in].
  const prepared = new Map<string, TfTensor>();
  const weight = (op: Operator, layout: "conv" | "depthwise" | "transpose"): TfTensor => {
    const index = op.inputs[1]!;
    const key = `${layout}:${index}`;
    let tensor = prepared.get(key);
    if (tensor === undefined) {
      const source = constants.get(index) ?? constants.get(dequantizedFrom.get(index) ?? -1);
      if (source === undefined) throw new Error("a convolution's weights are not constant");
      const [a, b, c, d] = source.shape as [number, number, number, number];
      tensor =
        layout === "conv"
          ? t["transpose"]!(source, [1, 2, 3, 0])
          : layout === "depthwise"
            ? t["reshape"]!(source, [b, c, d, a])
            : t["transpose"]!(source, [1, 2, 0, 3]);
      prepared.set(key, tensor);
    }
    return tensor;
  };
  // DEQUANTIZE of a constant: its output stands for the widened constant.
  const dequantizedFrom = new Map<number, number>();
  for (const op of operators)
    if (op.code === Builtin.DEQUANTIZE && constants.has(op.inputs[0]!))
      dequantizedFrom.set(op.outputs[0]!, op.inputs[0]!);

  for (const op of operators) {
    if (op.code === Builtin.CONV_2D) weight(op, "conv");
    else if (op.code === Builtin.DEPTHWISE_CONV_2D) weight(op, "depthwise");
    else if (op.code === Builtin.CUSTOM) weight(op, "transpose");
  }

  const activation = (x: TfTensor, fused: number): TfTensor => {
    if (fused === 0) return x;
    if (fused === 1) return t["relu"]!(x);
    if (fused === 3) return t["relu6"]!(x);
    if (fused === 2) return t["clipByValue"]!(x, -1, 1);
    if (fused === 4) return t["tanh"]!(x);
    throw new Error(`fused activation ${fused} is not supported`);
  };
  const padding = (code: number) => (code === 1 ? "valid" : "same");

  return {
    inputShape: tensors[inputIndex]!.shape,
    run(input) {
      return tf.tidy(() => {
        const values = new Map<number, TfTensor>([[inputIndex, input]]);
        const get = (index: number): TfTensor => {
          const value = values.get(index) ?? constants.get(index) ?? constants.get(dequantizedFrom.get(index) ?? -1);
          if (value === undefined) throw new Error(`tensor ${tensors[index]?.name ?? index} has no value`);
          return value;
        };
        for (const op of operators) {
          const o = op.options;
          const output = op.outputs[0]!;
          let result: TfTensor;
          switch (op.code) {
            case Builtin.DEQUANTIZE:
              if (dequantizedFrom.has(output)) continue;
              result = t["cast"]!(get(op.inputs[0]!), "float32");
              break;
            case Builtin.CONV_2D: {
              const strides = [o?.int(2, 1) ?? 1, o?.int(1, 1) ?? 1];
              const dilations = [o?.int(5, 1) ?? 1, o?.int(4, 1) ?? 1];
              let y = t["conv2d"]!(
                get(op.inputs[0]!),
                weight(op, "conv"),
                strides,
                padding(o?.int(0, 0, 1) ?? 0),
                "NHWC",
                dilations,
              );
              if (op.inputs[2] !== undefined && op.inputs[2] >= 0) y = t["add"]!(y, get(op.inputs[2]));
              result = activation(y, o?.int(3, 0, 1) ?? 0);
              break;
            }
            case Builtin.DEPTHWISE_CONV_2D: {
              const strides = [o?.int(2, 1) ?? 1, o?.int(1, 1) ?? 1];
              const dilations = [o?.int(6, 1) ?? 1, o?.int(5, 1) ?? 1];
              let y = t["depthwiseConv2d"]!(
                get(op.inputs[0]!),
                weight(op, "depthwise"),
                strides,
                padding(o?.int(0, 0, 1) ?? 0),
                "NHWC",
                dilations,
              );
              if (op.inputs[2] !== undefined && op.inputs[2] >= 0) y = t["add"]!(y, get(op.inputs[2]));
              result = activation(y, o?.int(4, 0, 1) ?? 0);
              break;
            }
            case Builtin.AVERAGE_POOL_2D: {
              const y = t["avgPool"]!(
                get(op.inputs[0]!),
                [o?.int(4, 1) ?? 1, o?.int(3, 1) ?? 1],
                [o?.int(2, 1) ?? 1, o?.int(1, 1) ?? 1],
                padding(o?.int(0, 0, 1) ?? 0),
              );
              result = activation(y, o?.int(5, 0, 1) ?? 0);
              break;
            }
            case Builtin.ADD:
              result = activation(t["add"]!(get(op.inputs[0]!), get(op.inputs[1]!)), o?.int(0, 0, 1) ?? 0);
              break;
            case Builtin.MUL:
              result = activation(t["mul"]!(get(op.inputs[0]!), get(op.inputs[1]!)), o?.int(0, 0, 1) ?? 0);
              break;
            case Builtin.RELU:
              result = t["relu"]!(get(op.inputs[0]!));
              break;
            case Builtin.LOGISTIC:
              result = t["sigmoid"]!(get(op.inputs[0]!));
              break;
            case Builtin.HARD_SWISH: {
              const x = get(op.inputs[0]!);
              result = t["mul"]!(x, t["div"]!(t["relu6"]!(t["add"]!(x, 3)), 6));
              break;
            }
            case Builtin.RESIZE_BILINEAR: {
              const [, height, width] = tensors[output]!.shape as [number, number, number];
              const image = (tf as unknown as { image: Record<string, (...args: unknown[]) => TfTensor> }).image;
              result = image["resizeBilinear"]!(
                get(op.inputs[0]!),
                [height, width],
                o?.bool(2) ?? false,
                o?.bool(3) ?? false,
              );
              break;
            }
            default: {
              // MediaPipe's Convolution2DTransposeBias: input, weights, bias; options are TfLiteTransposeConvParams.
              const view = new DataView(
                op.customOptions.buffer,
                op.customOptions.byteOffset,
                op.customOptions.byteLength,
              );
              const pad = op.customOptions.length >= 4 ? view.getInt32(0, true) : 1;
              const strideWidth = op.customOptions.length >= 8 ? view.getInt32(4, true) : 2;
              const strideHeight = op.customOptions.length >= 12 ? view.getInt32(8, true) : 2;
              const shape = tensors[output]!.shape;
              const y = t["conv2dTranspose"]!(
                get(op.inputs[0]!),
                weight(op, "transpose"),
                shape,
                [strideHeight, strideWidth],
                pad === 2 ? "valid" : "same",
              );
              result = t["add"]!(y, get(op.inputs[2]!));
            }
          }
          values.set(output, result);
        }
        return get(outputIndex);
      });
    },
    dispose() {
      for (const tensor of [...constants.values(), ...prepared.values()]) tensor.dispose();
    },
  };
}
