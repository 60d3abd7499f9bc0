export * from "./task-class";
export * from "./suggest";
