/**
 * How many worker nodes a workspace without `kind: Node` simulates. In a file of its own so the
 * page can read the default without importing the analysis (which runs in a worker).
 */
export const DEFAULT_NODE_COUNT = 3;

/** The most simulated worker nodes. */
export const MAX_NODE_COUNT = 20;
