import { Redis, type RedisOptions } from "ioredis";

/** Where Redis is: a `redis://` URL, or ioredis options. */
export type RedisConnection = string | RedisOptions;

/** An ioredis connection as BullMQ wants it (`maxRetriesPerRequest: null`, so blocking commands wait). */
export function connect(connection: RedisConnection): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: null };
  return typeof connection === "string" ? new Redis(connection, options) : new Redis({ ...connection, ...options });
}

/** A row's job id: a stable, BullMQ-safe (no `:`, never an integer) encoding of the row's id. */
export function jobIdOf(key: string): string {
  return `row-${Buffer.from(key, "utf8").toString("base64url")}`;
}
