/**
 * English message catalog, built from the message families (src/i18n/families). Every message says
 * what went wrong, why it matters and how to fix it (STYLE §2.6).
 */
import { buildCatalog, type MessageCatalog } from "./catalog.js";

export const en: MessageCatalog = buildCatalog("en");
