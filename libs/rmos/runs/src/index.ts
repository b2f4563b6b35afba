// Immutable, content-addressed run artifacts.
export {};
