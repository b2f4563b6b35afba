// The sandbox store: the one place advisory output may be written.
export {};
