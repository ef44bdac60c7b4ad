/** Deepest tree accepted (the root is depth 0). */
export const MAX_TREE_DEPTH = 32;
/** Most nodes accepted in one tree. */
export const MAX_NODES = 20_000;
