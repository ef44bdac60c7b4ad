export { grassrootsGovernance } from "./grassroots-governance.js";
