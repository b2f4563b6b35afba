// The HTTP API: thin routers over RMOS.
export {};
