import { handlerProblems } from './job-handler';
import { jobId, JobName } from './jobs';

describe('handlerProblems', () => {
  const names = ['a', 'b'];

  it('is empty when every job has exactly one handler', () => {
    expect(
      handlerProblems(
        [
          { name: 'a', owner: 'A.run' },
          { name: 'b', owner: 'B.run' },
        ],
        names,
      ),
    ).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(handlerProblems([{ name: 'a', owner: 'A.run' }], names)).toEqual([
      'job "b" has no handler',
    ]);
  });

  it('names a job with two handlers and both owners', () => {
    expect(
      handlerProblems(
        [
          { name: 'a', owner: 'A.run' },
          { name: 'a', owner: 'Other.run' },
          { name: 'b', owner: 'B.run' },
        ],
        names,
      ),
    ).toEqual(['job "a" has 2 handlers: A.run, Other.run']);
  });

  it('names a handler for a job that does not exist', () => {
    expect(
      handlerProblems(
        [
          { name: 'a', owner: 'A.run' },
          { name: 'b', owner: 'B.run' },
          { name: 'c', owner: 'C.run' },
        ],
        names,
      ),
    ).toEqual(['C.run handles "c", which is not a job name']);
  });
});

describe('jobId', () => {
  it('is the job name and the key joined by -', () => {
    expect(jobId(JobName.SendSignInCodeMail, 'abc-123')).toBe('send-sign-in-code-mail-abc-123');
  });

  it('refuses keys BullMQ cannot take', () => {
    expect(() => jobId(JobName.SendSignInCodeMail, 'a:b')).toThrow(/letters, digits/);
    expect(() => jobId(JobName.SendSignInCodeMail, '')).toThrow();
  });
});
