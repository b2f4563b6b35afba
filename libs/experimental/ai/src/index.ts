// Advisory AI: proposes design changes through the RMOS public API only.
export {};
