// Deterministic, server-side feasibility scoring.
export {};
