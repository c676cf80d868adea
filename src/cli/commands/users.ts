/**
 * `shushi users add|list|revoke|token|audit`: the users of a shared server (docs/security.md). Writes
 * go to the store (audited); run them while `shushi serve` is stopped (one process opens the store).
 * API tokens are random 256-bit values, printed once; the store keeps only their sha256. Passwords
 * (dashboard login) are hashed with argon2id and read from an environment variable, never from argv.
 */
import { hash } from "@node-rs/argon2";
import { USER_NAME_PATTERN } from "../../app/datasets.js";
import { ROLES, type Role } from "../../app/store.js";
import { t } from "../../i18n/index.js";
import { UsageError } from "../../methods/index.js";
import { newApiToken, tokenSha256 } from "../../server/auth.js";
import { checkKnown, enumOption, intOption, type ParsedArgs } from "../args.js";
import type { CliContext } from "../context.js";
import { jsonText } from "../render.js";

const FORMATS = ["table", "json"] as const;

/** Who runs the command, as the audit log records it. */
function cliActor(ctx: CliContext): string {
  const env = ctx.io.env ?? process.env;
  return `cli:${env.USER ?? env.USERNAME ?? "local"}`;
}

function userName(command: string, name: string | undefined): string {
  if (name === undefined) throw new UsageError("usage.missing_argument", { command, argument: "name" });
  if (!USER_NAME_PATTERN.test(name)) throw new UsageError("usage.invalid_user_name", { name: name.slice(0, 80) });
  return name;
}

/** `shushi users …`. */
export async function usersCommand(
  sub: string | undefined,
  rest: string[],
  args: ParsedArgs,
  ctx: CliContext,
): Promise<number> {
  const actor = cliActor(ctx);
  switch (sub) {
    case "add": {
      checkKnown(args, "users add", ["role", "password-env"]);
      const name = userName("users add", rest[0]);
      const role: Role = enumOption(args, "role", ROLES, "viewer");
      const envName = args.options.get("password-env");
      let passwordHash: string | undefined;
      if (envName !== undefined) {
        const password = (ctx.io.env ?? process.env)[envName];
        if (password === undefined || password === "")
          throw new UsageError("usage.invalid_value", {
            option: "--password-env",
            value: envName,
            expected: "the name of a set, non-empty environment variable",
          });
        passwordHash = await hash(password);
      }
      const added = await ctx.withStore((s) =>
        s.store.addUser({ name, role, ...(passwordHash !== undefined && { passwordHash }) }, actor),
      );
      if (!added) throw new UsageError("usage.user_exists", { name });
      ctx.out(`${t("msg.user_added", ctx.lang, { name, role })}\n`);
      return 0;
    }
    case "list": {
      checkKnown(args, "users list", ["format"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const users = await ctx.withStore((s) => s.store.listUsers());
      if (format === "json") ctx.out(jsonText({ users }));
      else
        for (const u of users)
          ctx.out(
            `${u.name}\t${u.role}\t${u.hasPassword ? "password" : "token-only"}\t${u.createdAt}${u.revokedAt === undefined ? "" : `\trevoked ${u.revokedAt}`}\n`,
          );
      return 0;
    }
    case "revoke": {
      checkKnown(args, "users revoke", []);
      const name = userName("users revoke", rest[0]);
      const revoked = await ctx.withStore((s) => s.store.revokeUser(name, actor));
      if (!revoked) throw new UsageError("usage.unknown_user", { name });
      ctx.out(`${t("msg.user_revoked", ctx.lang, { name })}\n`);
      return 0;
    }
    case "token": {
      checkKnown(args, "users token", ["label"]);
      const name = userName("users token", rest[0]);
      const label = (args.options.get("label") ?? "cli").slice(0, 100);
      const token = newApiToken();
      await ctx.withStore(async (s) => {
        const user = await s.store.getUser(name);
        if (user === undefined || user.revokedAt !== undefined) throw new UsageError("usage.unknown_user", { name });
        await s.store.addToken(name, tokenSha256(token), label, actor);
      });
      // the notice on stderr, the token alone on stdout (so `… | xclip` takes just the token)
      ctx.err(`${t("msg.token_issued", ctx.lang, { name })}\n`);
      ctx.out(`${token}\n`);
      return 0;
    }
    case "audit": {
      checkKnown(args, "users audit", ["limit", "format", "target"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const limit = intOption(args, "limit", 100, 1, 10_000);
      const target = args.options.get("target");
      const entries = await ctx.withStore((s) => s.store.listAudit({ limit, ...(target !== undefined && { target }) }));
      if (format === "json") ctx.out(jsonText({ entries }));
      else
        for (const e of entries)
          ctx.out(
            `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.target}\t${e.sha256Before ?? "-"}\t${e.sha256After ?? "-"}\n`,
          );
      return 0;
    }
    default:
      throw new UsageError("usage.unknown_command", { command: ["users", sub].filter(Boolean).join(" ") });
  }
}
