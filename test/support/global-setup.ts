// Runs once before the suite. Placeholder replaced as the harness grows.
export default function setup(): void {}
