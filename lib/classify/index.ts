export * from "./task-class";
export * from "./suggest";
export * from "./over-specified";
