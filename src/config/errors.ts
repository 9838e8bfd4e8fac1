/** The run could not be made (exit 2): one line that names the problem and, where it can, the fix. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
