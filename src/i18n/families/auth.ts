/**
 * Auth family (用户、权限与受保护数据): interface strings of authentication, roles, request-origin
 * checks, protected official data and the `shushi users` commands (src/server/auth.ts,
 * src/cli/commands/users.ts, docs/security.md). Joined into the interface strings by messages.ts.
 */

export const EN = {
  "error.dataset_protected":
    "Dataset “{id}” is shipped official data and is read-only: it cannot be replaced or deleted. Import your table under another id.",
  "error.unauthenticated":
    "Authentication required: sign in on the dashboard or send an API token (`Authorization: Bearer <token>`).",
  "error.forbidden_role": "The role {role} may not {action}; that needs the role {required}.",
  "error.not_owner": "Dataset “{id}” is not yours: you may change only datasets under {namespace}.",
  "error.foreign_origin":
    "Refused a request that changes data from another site ({origin}). Use the dashboard itself, or a client that sends no Origin header.",
  "error.csrf_token":
    "Missing or wrong CSRF token: send the value of the `shushi_csrf` cookie in the `X-CSRF-Token` header.",
  "error.host_not_allowed":
    "Host “{host}” is not served (protection against DNS rebinding). Allowed: {allowed}. Add a name with --allow-host.",
  "error.invalid_login": "Wrong user name or password.",
  "error.too_many_logins":
    "Too many failed sign-ins for this user name or from this address. Try again in {minutes} minute(s).",
  "usage.bind_needs_auth":
    "Refusing to listen on {host}: an address reachable from other machines needs authentication. Add an administrator first: `shushi users add <name> --role admin`.",
  "usage.user_exists": "User “{name}” already exists.",
  "usage.unknown_user": "No active user “{name}”.",
  "usage.invalid_user_name":
    "Invalid user name “{name}”: use 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit.",
  "msg.exposed":
    "Listening on {host}, reachable from the network: the API and the dashboard, for {users} active user(s) ({admins} administrator(s)). Every request needs a token or a session; allowed hosts: {hosts}.",
  "msg.user_added": "Added user {name} (role {role}).",
  "msg.user_revoked": "Revoked user {name} and all their tokens.",
  "msg.token_issued": "API token for {name} — shown once, store it now:",
} as const;

export const ZH = {
  "error.dataset_protected": "数据集「{id}」是内置的官方数据，只读：不能替换或删除。请用其他标识导入你的表。",
  "error.unauthenticated": "需要身份验证：请在仪表板登录，或发送 API 令牌（`Authorization: Bearer <token>`）。",
  "error.forbidden_role": "角色 {role} 不能{action}；需要角色 {required}。",
  "error.not_owner": "数据集「{id}」不属于你：你只能修改 {namespace} 下的数据集。",
  "error.foreign_origin":
    "已拒绝来自其他网站（{origin}）的修改数据请求。请直接使用仪表板，或使用不发送 Origin 头的客户端。",
  "error.csrf_token": "缺少或错误的 CSRF 令牌：请在 `X-CSRF-Token` 请求头中发送 `shushi_csrf` Cookie 的值。",
  "error.host_not_allowed":
    "不服务主机名「{host}」（防止 DNS 重绑定攻击）。允许的主机名：{allowed}。可用 --allow-host 添加。",
  "error.invalid_login": "用户名或密码错误。",
  "error.too_many_logins": "该用户名或该地址的登录失败次数过多。请在 {minutes} 分钟后重试。",
  "usage.bind_needs_auth":
    "拒绝在 {host} 上监听：可被其他机器访问的地址需要身份验证。请先添加管理员：`shushi users add <name> --role admin`。",
  "usage.user_exists": "用户「{name}」已存在。",
  "usage.unknown_user": "没有有效用户「{name}」。",
  "usage.invalid_user_name": "用户名「{name}」无效：请用 1–64 个字母、数字、`.`、`_` 或 `-`，以字母或数字开头。",
  "msg.exposed":
    "正在 {host} 上监听，可从网络访问：API 与仪表板，有效用户 {users} 个（管理员 {admins} 个）。每个请求都需要令牌或登录会话；允许的主机名：{hosts}。",
  "msg.user_added": "已添加用户 {name}（角色 {role}）。",
  "msg.user_revoked": "已撤销用户 {name} 及其全部令牌。",
  "msg.token_issued": "{name} 的 API 令牌——只显示这一次，请立即保存：",
} as const satisfies Record<keyof typeof EN, string>;
