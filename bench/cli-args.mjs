// Arguments of a benchmark script: its own `--name value` flags, and whatever follows `--`
// (passed on to the crawler under test).
export function benchArgs(argv = process.argv.slice(2)) {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const extra = dash === -1 ? [] : argv.slice(dash + 1);
  const flag = (name, fallback) => {
    const i = own.indexOf(name);
    return i === -1 ? fallback : own[i + 1];
  };
  return { own, extra, flag };
}
