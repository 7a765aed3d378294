/** The usage line shown with an error, taken from the help catalog so help and errors never disagree. */
import { HELP_CATALOG, helpFor, syntaxOf as entrySyntax } from './help-catalog.ts';

export function syntaxOf(name: string, commandName: string): string | undefined {
  // The command itself first: `followup` is also a help group's name.
  const entry = HELP_CATALOG.find((e) => e.name === name);
  if (entry) return entrySyntax(entry, commandName);
  const found = helpFor(name, commandName);
  return found.ok && found.kind === 'command' ? found.entry.syntax : undefined;
}
