export * from "./collective";
export * from "./cases";
export * from "./meetings";
export * from "./mail";
export * from "./reports";
export * from "./identity";
export * from "./state";
