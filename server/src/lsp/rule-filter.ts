/** Which rules the user's settings let through: not in a disabled category, not turned `off`. */
import { Settings, categorySelects } from './protocol';

export function ruleAllowed(settings: Settings, ruleId: string): boolean {
  if (settings.severityOverrides[ruleId] === 'off') return false;
  return !settings.disabledCategories.some((category) => categorySelects(category, ruleId));
}
