// Toolpath and G-code generation for approved sessions.
export {};
