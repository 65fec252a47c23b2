import { DomainError } from '../errors/domain-error';
import type { FieldProblem } from '../errors/domain-error';
import { checkText } from '../validation/text';

export interface LatLng {
  lat: number;
  lng: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Collects field problems and throws them together, so a client can fix a form in one go. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(path: string, message: string): this {
    this.list.push({ path, message });
    return this;
  }

  check(ok: boolean, path: string, message: string): boolean {
    if (!ok) this.add(path, message);
    return ok;
  }

  latLng(value: LatLng | undefined | null, path: string): void {
    if (!value) return;
    this.check(
      Number.isFinite(value.lat) && Math.abs(value.lat) <= 90,
      `${path}.lat`,
      'latitude must be between -90 and 90',
    );
    this.check(
      Number.isFinite(value.lng) && Math.abs(value.lng) <= 180,
      `${path}.lng`,
      'longitude must be between -180 and 180',
    );
  }

  intRange(value: number | undefined | null, path: string, min: number, max: number): void {
    if (value === undefined || value === null) return;
    this.check(
      Number.isInteger(value) && value >= min && value <= max,
      path,
      `must be a whole number from ${min} to ${max}`,
    );
  }

  /** Text a person typed, through the one text rule (checkText); the clean value, or undefined. */
  text(
    value: string | undefined | null,
    path: string,
    max: number,
    multiline = false,
  ): string | undefined {
    if (value === undefined || value === null) return undefined;
    const result = checkText(value, { max, multiline });
    if (!result.ok) {
      this.add(path, result.message);
      return value.trim();
    }
    return result.value;
  }

  throwIfAny(message = 'The input is not valid'): void {
    if (this.list.length > 0) throw DomainError.badInput(this.list, message);
  }
}
