// Runtime guards: state machine, feasibility gate, artifact validator.
export {};
