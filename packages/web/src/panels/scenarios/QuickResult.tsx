/** The outcomes of one quick run (one world), as a table. */
import type { SimulateResult } from '../../api/types.js';

/** The outcomes of a quick run. */
export function QuickResult({ result }: { result: SimulateResult }) {
  const entries: [string, number][] = Array.isArray(result.outcomes)
    ? result.outcomes.map((o) => [o.name, o.value])
    : Object.entries(result.outcomes);
  return (
    <details open>
      <summary>One world: {entries.length} outcomes</summary>
      <table className="compact">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{Number.isFinite(v) ? v.toPrecision(4) : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
