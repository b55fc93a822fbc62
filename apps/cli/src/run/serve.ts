/** `infer serve`: starts @infer/server, prints where, and drains it on SIGINT or SIGTERM. */
export async function runServe({
  port,
  host,
  models,
}: {
  port: number;
  host: string;
  models?: string[];
}): Promise<void> {
  const { startServer } = await import("@infer/server");
  const options: Parameters<typeof startServer>[0] & { models?: string[] } = { port, host };
  // `models` is part of the server's kept interface; given only when asked for.
  if (models !== undefined) options.models = models;
  const server = await startServer(options);
  process.stdout.write(`listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stderr.write("stopping: finishing the requests in flight…\n");
      // A second signal while draining stops at once.
      const force = () => process.exit(130);
      process.once("SIGINT", force);
      process.once("SIGTERM", force);
      server.close().then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
