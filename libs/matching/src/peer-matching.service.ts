import { Injectable } from '@nestjs/common';
import { assertFirst } from './first';
import { scorePeer } from './peer-scoring';
import type { ScoredPeer } from './peer-scoring';
import { PeerRepository } from './peer.repository';
import { SessionMatchingService } from './session-matching.service';
import { CANDIDATE_LIMITS } from './weights';

/** Peer candidates and their scores; asking for an introduction is network's. */
@Injectable()
export class PeerMatchingService {
  constructor(
    private readonly peers: PeerRepository,
    private readonly sessions: SessionMatchingService,
  ) {}

  /** Reciprocal suggestions among members who opted in; empty until matchingNeeds is. */
  async suggest(personId: string, first: number): Promise<ScoredPeer[]> {
    assertFirst(first);
    const viewer = await this.peers.viewer(personId);
    if (!viewer) return [];
    const popularity = await this.sessions.popularityForScoring();
    return (await this.peers.candidates(personId, CANDIDATE_LIMITS.peers))
      .map((candidate) => scorePeer(viewer, candidate, popularity))
      .sort((a, b) => b.score - a.score || a.candidate.personId.localeCompare(b.candidate.personId))
      .slice(0, first);
  }
}
