// Engine version registry and version stamps.
export {};
