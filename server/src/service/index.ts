/** The public surface of the language service library: everything outside `service/` imports from here. */
export { createLanguageService, LanguageService } from './languageService';
export { RenameError } from './navigation';
export { parseConfig, PpnetConfig, ParsedConfig, CONFIG_FILE_NAME } from './config';
export { RULES, ruleByCode } from './rules';
export { Rule, Severity, Level, severityName, ruleUrl } from './rule';
export { ValidationOptions, DIAGNOSTIC_SOURCE } from './validation';
export type { Graph, GraphNode, GraphGroup, GraphEdge, GraphFlow, NodeKind, GroupKind, EdgeClass, NodeDiagnostic } from './graph';
export type { RouteKind, FlowKind } from './traffic';
export { sniffNotText, notTextMessage, NotTextKind, controlCharacterName } from './parse';
export { COMMAND_LINE_LIMIT_BYTES, LIVE_CHECK_LIMIT_BYTES, LIMITS_URL, fileDiagnostic, formatBytes, formatLimit, internalErrorDiagnostic } from './limits';
export { closest, didYouMean } from './suggest';
