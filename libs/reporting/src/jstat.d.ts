// jstat ships no types: the few functions the reporting lib uses, as jstat 1.9 defines them.
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number };
    mean(values: number[]): number;
    /** `sample` true: divides by n - 1. */
    stdev(values: number[], sample?: boolean): number;
    corrcoeff(a: number[], b: number[]): number;
  };
}
