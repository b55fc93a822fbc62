interface BufferLike {
  from(input: Uint8Array | string, encoding?: string): Uint8Array & { toString(encoding: string): string };
}

const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

/** Encodes bytes as standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  if (NodeBuffer)
    return NodeBuffer.from(bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice()).toString("base64");
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** Decodes standard base64 (a `data:` URL prefix is skipped). */
export function base64ToBytes(text: string): Uint8Array {
  const comma = text.startsWith("data:") ? text.indexOf(",") : -1;
  const payload = comma === -1 ? text : text.slice(comma + 1);
  if (NodeBuffer) {
    const buffer = NodeBuffer.from(payload, "base64");
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
