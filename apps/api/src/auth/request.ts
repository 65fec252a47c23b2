import type { Request } from 'express';
import type { Principal } from '@kith/identity';

export type RequestWithPrincipal = Request & { principal?: Principal };
