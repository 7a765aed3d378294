/** The usage line shown with an error, taken from the help catalog so help and errors never disagree. */
import { helpFor } from './help-catalog.ts';

export function syntaxOf(name: string, commandName: string): string | undefined {
  const found = helpFor(name, commandName);
  return found.ok && found.kind === 'command' ? found.entry.syntax : undefined;
}
