/**
 * 简体中文消息目录，由各消息族（src/i18n/families）组成。每条消息说明出了什么问题、原因以及如何修正
 * （STYLE §2.6）。
 */
import { buildCatalog, type MessageCatalog } from "./catalog.js";

export const zhCN: MessageCatalog = buildCatalog("zh-CN");
