export default function Section() {
  return <div className="card empty"><h2>Not built yet</h2><p>This section is being built.</p></div>;
}
