/**
 * Views of Python files that agents printed in the mini-swe-agent trajectories and that do not
 * parse as whole files: line-numbered views (`nl -ba f.py | sed -n 'A,Bp'`, `cat -n`), slices
 * (`sed -n 'A,Bp' f.py`), and the two halves of an output the agent cut (`<output_head>` and
 * `<output_tail>` around `<elided_chars>`), each half a view of its own. Test and bench input.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** How the agent came to print the view. */
export type ViewShape = 'numbered' | 'slice' | 'cut';

/** One printed view: the text exactly as the tool output carried it. */
export interface PrintedView {
  readonly name: string;
  readonly shape: ViewShape;
  readonly language: 'python';
  readonly text: string;
}

const COMMAND = /```bash\n([\s\S]*?)\n```/;
const NUMBERED = /^\s*(?:nl -ba|cat -n) [\w./-]+\.py\b/;
const SLICE = /^\s*sed -n '[^']*' [\w./-]+\.py\s*$/;
const CAT = /^\s*cat [\w./-]+\.py\s*$/;
const PAYLOAD = /<(output|output_head|output_tail)>\n([\s\S]*?)<\/\1>/g;

interface TrajectoryMessage {
  readonly role?: unknown;
  readonly content?: unknown;
}

function shapeOf(command: string, cut: boolean): ViewShape | null {
  if (NUMBERED.test(command)) return 'numbered';
  if (SLICE.test(command)) return 'slice';
  return cut && CAT.test(command) ? 'cut' : null;
}

/** Every numbered view, slice and cut half in the `*.traj.json` files under `trajectoryDir`, deduplicated. */
export function trajectoryViews(trajectoryDir: string): PrintedView[] {
  if (!existsSync(trajectoryDir)) return [];
  const seen = new Set<string>();
  const out: PrintedView[] = [];
  for (const file of readdirSync(trajectoryDir)
    .filter((f) => f.endsWith('.traj.json'))
    .sort()) {
    const messages = (JSON.parse(readFileSync(path.join(trajectoryDir, file), 'utf8')) as { messages?: unknown })
      .messages;
    if (!Array.isArray(messages)) continue;
    const list = messages as TrajectoryMessage[];
    for (const [index, message] of list.entries()) {
      const command = typeof message.content === 'string' ? COMMAND.exec(message.content)?.[1] : undefined;
      const reply = list[index + 1]?.content;
      if (message.role !== 'assistant' || command === undefined || typeof reply !== 'string') continue;
      const shape = shapeOf(command, reply.includes('<elided_chars>'));
      if (shape === null) continue;
      for (const payload of reply.matchAll(PAYLOAD)) {
        const text = payload[2]!;
        if (text.trim().length === 0 || seen.has(text)) continue;
        seen.add(text);
        out.push({ name: `${file}:${index + 1}:${payload[1]}`, shape, language: 'python', text });
      }
    }
  }
  return out;
}
