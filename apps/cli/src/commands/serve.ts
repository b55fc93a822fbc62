import type { Command } from "commander";
import { collectList, parsePort } from "../run/parse.js";

/** `infer serve`: the local server (@infer/server) until Ctrl-C or SIGTERM. */
export function register(program: Command): void {
  program
    .command("serve")
    .summary("Run the local inference server (@infer/server) until Ctrl-C.")
    .description(
      "Run the local inference server (@infer/server), speaking the wire protocol; prints `listening on URL`, drains and stops on Ctrl-C or SIGTERM.",
    )
    .option("-p, --port <port>", "the port (0: a free one)", parsePort, 8080)
    .option(
      "--host <host>",
      "the address to listen on (the server has no authentication: keep it on loopback)",
      "127.0.0.1",
    )
    .option("--models <ids>", "only these models (repeat the flag, or a comma list)", collectList)
    .addHelpText(
      "after",
      '\nExample:\n  $ infer serve --port 8080\n  $ infer text-classification "I love it" --endpoint http://127.0.0.1:8080\n',
    )
    .action(async (options: { port: number; host: string; models?: string[] }) => {
      const { runServe } = await import("../run/serve.js");
      await runServe(options);
    });
}
