/** The public surface of the language service library. */
export { createLanguageService, LanguageService } from './languageService';
export { RenameError } from './navigation';
export { parseConfig, PpnetConfig, CONFIG_FILE_NAME } from './config';
export { RULES, ruleByCode } from './rules';
export { Rule, Severity, Level, severityName, ruleUrl } from './rule';
export { ValidationOptions, DIAGNOSTIC_SOURCE } from './validation';
