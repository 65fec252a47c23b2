/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BookingStatus =
  | 'ATTENDED'
  | 'BOOKED'
  | 'CANCELLED'
  | 'NO_SHOW'
  | 'WAITLISTED';

/** What would let Kith suggest sessions, or better ones: what to ask the member for, then why nothing can be suggested */
export type MatchingNeed =
  /** Sessions within reach do not meet every access need (MatchingAdvice.unmetAccessNeeds: what the nearest lacks) */
  | 'ACCESS_NEEDS'
  /** You already have a place at every session within reach that fits */
  | 'ALL_BOOKED'
  /** Sessions can be suggested, but none starts at a time you said you are free (the list is not empty) */
  | 'AVAILABILITY'
  /** Sessions within reach that fit are full */
  | 'FULL'
  /** Where home is (a postcode) is not known yet */
  | 'HOME'
  /** No interests chosen yet */
  | 'INTERESTS'
  /** Nothing that fits within 50 km in the next two weeks: Kith has little near you yet */
  | 'NO_SESSIONS_NEARBY'
  /** Nothing fits within the travel radius, but a session would a little further away (MatchingAdvice.travelRadiusMetres) */
  | 'RADIUS';

export type NudgeKind =
  | 'ASSIGNMENT_ACCEPTED'
  | 'ASSIGNMENT_COMPLETED'
  | 'ASSIGNMENT_OFFERED'
  | 'CHECK_IN'
  | 'DBS_EXPIRING'
  | 'DEVICE_REASSIGNED'
  | 'FIRST_VISIT_SUPPORT'
  | 'FOLLOW_UP'
  | 'INTRODUCTION_ACCEPTED'
  | 'INTRODUCTION_RECEIVED'
  | 'RE_ENGAGE'
  | 'SESSION_CANCELLED'
  | 'SESSION_REMINDER'
  | 'SURVEY_DUE'
  | 'WAITLIST_PROMOTED';

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type MyBookingsQueryVariables = Exact<{
  upcoming?: boolean;
}>;


export type MyBookingsQuery = { myBookings: Array<{ id: string, status: BookingStatus, waitlistPosition: number | null, session: { id: string, startsAt: string, endsAt: string, cancelled: boolean, activity: { id: string, title: string, venueName: string } } }> };

export type ForYouQueryVariables = Exact<{
  first?: number;
}>;


export type ForYouQuery = { matchingNeeds: Array<MatchingNeed>, recommendedSessions: Array<{ score: number, reasons: Array<{ code: string, text: string }>, session: { id: string, startsAt: string, endsAt: string, placesLeft: number, cancelled: boolean, distanceBand: string | null, activity: { id: string, title: string, venueName: string } } }> };

export type MyInboxQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type MyInboxQuery = { myInbox: { unreadCount: number, edges: Array<{ cursor: string, node: { id: string, kind: NudgeKind, title: string, body: string, createdAt: string, readAt: string | null, link: { screen: string, id: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNudgeReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNudgeReadMutation = { markNudgeRead: { id: string, readAt: string | null } };

export type RequestSignInCodeMutationVariables = Exact<{
  email: string;
}>;


export type RequestSignInCodeMutation = { requestSignInCode: boolean };

export type SignInMutationVariables = Exact<{
  email: string;
  code: string;
}>;


export type SignInMutation = { signIn: { accessToken: string, refreshToken: string, person: { id: string, displayName: string } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const MyBookingsDocument = new TypedDocumentString(`
    query MyBookings($upcoming: Boolean! = true) {
  myBookings(upcoming: $upcoming) {
    id
    status
    waitlistPosition
    session {
      id
      startsAt
      endsAt
      cancelled
      activity {
        id
        title
        venueName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyBookingsQuery, MyBookingsQueryVariables>;
export const ForYouDocument = new TypedDocumentString(`
    query ForYou($first: Int! = 10) {
  matchingNeeds
  recommendedSessions(first: $first) {
    score
    reasons {
      code
      text
    }
    session {
      id
      startsAt
      endsAt
      placesLeft
      cancelled
      distanceBand
      activity {
        id
        title
        venueName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ForYouQuery, ForYouQueryVariables>;
export const MyInboxDocument = new TypedDocumentString(`
    query MyInbox($first: Int! = 20, $after: String) {
  myInbox(first: $first, after: $after) {
    unreadCount
    edges {
      cursor
      node {
        id
        kind
        title
        body
        createdAt
        readAt
        link {
          screen
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyInboxQuery, MyInboxQueryVariables>;
export const MarkNudgeReadDocument = new TypedDocumentString(`
    mutation MarkNudgeRead($id: ID!) {
  markNudgeRead(id: $id) {
    id
    readAt
  }
}
    `) as unknown as TypedDocumentString<MarkNudgeReadMutation, MarkNudgeReadMutationVariables>;
export const RequestSignInCodeDocument = new TypedDocumentString(`
    mutation RequestSignInCode($email: String!) {
  requestSignInCode(email: $email)
}
    `) as unknown as TypedDocumentString<RequestSignInCodeMutation, RequestSignInCodeMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $code: String!) {
  signIn(email: $email, code: $code) {
    accessToken
    refreshToken
    person {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;