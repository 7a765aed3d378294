/** Types of `mrkdwn.js` (the page's renderer, loaded by the browser as plain JavaScript). */
export interface RenderedDate {
  text: string;
  link?: string;
}

export interface MrkdwnContext {
  userName?: (id: string) => string;
  channelName?: (id: string) => string;
  /** `<!date^…>` token → what the viewer sees (from the feed's `dates`). */
  dates?: Record<string, RenderedDate>;
}

export function esc(s: unknown): string;
export function renderMrkdwn(text: string, ctx?: MrkdwnContext): string;
export function messageTime(ts: string, zone: string | null | undefined, now?: Date): string;
