// The workflow session state machine and approval.
export {};
