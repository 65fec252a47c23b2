/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccessibilityFeature =
  | 'ACCESSIBLE_TOILET'
  | 'HEARING_LOOP'
  | 'LARGE_PRINT'
  | 'QUIET_SPACE'
  | 'SEATING'
  | 'STEP_FREE';

export type AvailabilityWindowInput = {
  /** HH:MM, Europe/London */
  end: string;
  /** HH:MM, Europe/London */
  start: string;
  weekday: Weekday;
};

export type BookingStatus =
  | 'ATTENDED'
  | 'BOOKED'
  | 'CANCELLED'
  | 'NO_SHOW'
  | 'WAITLISTED';

export type DevicePlatform =
  | 'ANDROID'
  | 'IOS'
  | 'WEB';

export type LatLngInput = {
  lat: number;
  lng: number;
};

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

/** Only the fields given change */
export type MemberProfileInput = {
  accessibilityNeeds?: Array<AccessibilityFeature> | null | undefined;
  /** Null or blank clears it */
  address?: string | null | undefined;
  /** Only if you choose to say: 16-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84 or 85+; null clears it */
  ageBand?: string | null | undefined;
  availability?: Array<AvailabilityWindowInput> | null | undefined;
  displayName?: string | null | undefined;
  /** Goal slugs, see the goals query */
  goals?: Array<string> | null | undefined;
  /** Never shown to anyone. Members give a postcode instead; this is for operators and tests */
  home?: LatLngInput | null | undefined;
  interestIds?: Array<string | number> | null | undefined;
  peerIntroductions?: boolean | null | undefined;
  /** Null or blank clears it */
  phone?: string | null | undefined;
  /** Places your home at this UK postcode (never shown to anyone). An unknown postcode, or one where Kith does not run yet, is refused and nothing is saved */
  postcode?: string | null | undefined;
  /** Let contacts you both confirmed (an accepted introduction, or each named the other after a session) see that you are going to a session, and let a newcomer there hear, without your name, that someone going shares their interest. Off until you turn it on */
  showMeGoing?: boolean | null | undefined;
  /** Which of your interests people you might meet may see (and be suggested to you by); only interests you chose. Absent: those you keep stay as they were, and new ones are not shown */
  shownInterestIds?: Array<string | number> | null | undefined;
  travelRadiusMetres?: number | null | undefined;
};

export type NudgeChannel =
  | 'EMAIL'
  | 'INBOX'
  | 'PUSH'
  | 'SMS';

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

/** Only the fields given change; times are HH:MM, Europe/London */
export type NudgePreferencesInput = {
  channels?: Array<NudgeChannel> | null | undefined;
  /** null stops the digest */
  digestAt?: string | null | undefined;
  /** en or es */
  language?: string | null | undefined;
  /** Within a year; null ends the pause */
  pausedUntil?: string | null | undefined;
  quietHoursEnd?: string | null | undefined;
  quietHoursStart?: string | null | undefined;
  /** 0 to 50 */
  weeklyLimit?: number | null | undefined;
};

export type SessionFilter = {
  accessibility?: Array<AccessibilityFeature> | null | undefined;
  from?: string | null | undefined;
  hasPlaces?: boolean | null | undefined;
  interestIds?: Array<string | number> | null | undefined;
  /** Defaults to your home when withinMetres is given */
  near?: LatLngInput | null | undefined;
  to?: string | null | undefined;
  /** At most 50,000; defaults to your travel radius */
  withinMetres?: number | null | undefined;
};

export type Weekday =
  | 'FRI'
  | 'MON'
  | 'SAT'
  | 'SUN'
  | 'THU'
  | 'TUE'
  | 'WED';

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type RegisterDeviceMutationVariables = Exact<{
  token: string;
  platform: DevicePlatform;
}>;


export type RegisterDeviceMutation = { registerDevice: boolean };

export type UnregisterDeviceMutationVariables = Exact<{
  token: string;
}>;


export type UnregisterDeviceMutation = { unregisterDevice: boolean };

export type MyBookingsQueryVariables = Exact<{
  upcoming?: boolean;
  first?: number;
  after?: string | null | undefined;
}>;


export type MyBookingsQuery = { me: { id: string, bookings: { edges: Array<{ cursor: string, node: { id: string, status: BookingStatus, waitlistPosition: number | null, session: { id: string, startsAt: string, endsAt: string, cancelled: boolean, activity: { id: string, title: string, venueName: string } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type FindSessionsQueryVariables = Exact<{
  filter: SessionFilter;
  first?: number;
  after?: string | null | undefined;
}>;


export type FindSessionsQuery = { sessions: { edges: Array<{ cursor: string, node: { id: string, startsAt: string, endsAt: string, placesLeft: number, waitlistLength: number, cancelled: boolean, distanceBand: string | null, activity: { id: string, title: string, venueName: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FindChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type FindChoicesQuery = { interests: Array<{ id: string, label: string }>, me: { id: string, memberProfile: { hasHome: boolean, travelRadiusMetres: number, interests: Array<{ id: string }> } | null } };

export type ForYouQueryVariables = Exact<{
  first?: number;
}>;


export type ForYouQuery = { matchingAdvice: { needs: Array<MatchingNeed>, travelRadiusMetres: number | null, unmetAccessNeeds: Array<AccessibilityFeature> }, recommendedSessions: Array<{ score: number, reasons: Array<{ code: string, text: string }>, session: { id: string, startsAt: string, endsAt: string, placesLeft: number, cancelled: boolean, distanceBand: string | null, activity: { id: string, title: string, venueName: string } } }> };

export type MyInboxQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type MyInboxQuery = { myInbox: { unreadCount: number, edges: Array<{ cursor: string, node: { id: string, kind: NudgeKind, title: string, body: string, createdAt: string, readAt: string | null, link: { screen: string, id: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNudgeReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNudgeReadMutation = { markNudgeRead: { id: string, readAt: string | null } };

export type ProfileFieldsFragment = { hasHome: boolean, postcode: string | null, travelRadiusMetres: number, accessibilityNeeds: Array<AccessibilityFeature>, goals: Array<string>, availability: Array<{ weekday: Weekday, start: string, end: string }>, interests: Array<{ id: string }>, area: { id: string, name: string } | null };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { me: { id: string, displayName: string, memberProfile: { hasHome: boolean, postcode: string | null, travelRadiusMetres: number, accessibilityNeeds: Array<AccessibilityFeature>, goals: Array<string>, availability: Array<{ weekday: Weekday, start: string, end: string }>, interests: Array<{ id: string }>, area: { id: string, name: string } | null } | null } };

export type InterestCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type InterestCatalogueQuery = { interests: Array<{ id: string, slug: string, label: string, group: string, groupLabel: string }> };

export type GoalCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type GoalCatalogueQuery = { goals: Array<{ slug: string, label: string }> };

export type UpdateMemberProfileMutationVariables = Exact<{
  input: MemberProfileInput;
}>;


export type UpdateMemberProfileMutation = { updateMemberProfile: { hasHome: boolean, postcode: string | null, travelRadiusMetres: number, accessibilityNeeds: Array<AccessibilityFeature>, goals: Array<string>, availability: Array<{ weekday: Weekday, start: string, end: string }>, interests: Array<{ id: string }>, area: { id: string, name: string } | null } };

export type SessionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionPageQuery = { session: { id: string, startsAt: string, endsAt: string, capacity: number, placesLeft: number, waitlistLength: number, cancelled: boolean, distanceBand: string | null, knownGoing: Array<string>, activity: { id: string, title: string, description: string, venueName: string, venueAddress: string | null, accessibility: Array<AccessibilityFeature> } } | null, me: { id: string, bookings: { edges: Array<{ node: { id: string, status: BookingStatus, waitlistPosition: number | null, session: { id: string } } }> } } };

export type JoinSessionMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type JoinSessionMutation = { joinSession: { id: string, status: BookingStatus, waitlistPosition: number | null, session: { id: string, placesLeft: number, waitlistLength: number } } };

export type LeaveSessionMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type LeaveSessionMutation = { leaveSession: { id: string, status: BookingStatus, waitlistPosition: number | null, session: { id: string, placesLeft: number, waitlistLength: number } } };

export type MyNudgePreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNudgePreferencesQuery = { myNudgePreferences: { channels: Array<NudgeChannel>, quietHoursStart: string, quietHoursEnd: string, language: string } };

export type UpdateNudgePreferencesMutationVariables = Exact<{
  input: NudgePreferencesInput;
}>;


export type UpdateNudgePreferencesMutation = { updateNudgePreferences: { channels: Array<NudgeChannel>, quietHoursStart: string, quietHoursEnd: string, language: string } };

export type LeaveKithMutationVariables = Exact<{ [key: string]: never; }>;


export type LeaveKithMutation = { leaveKith: boolean };

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
export const ProfileFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProfileFields on MemberProfile {
  hasHome
  postcode
  travelRadiusMetres
  accessibilityNeeds
  goals
  availability {
    weekday
    start
    end
  }
  interests {
    id
  }
  area {
    id
    name
  }
}
    `, {"fragmentName":"ProfileFields"}) as unknown as TypedDocumentString<ProfileFieldsFragment, unknown>;
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
export const RegisterDeviceDocument = new TypedDocumentString(`
    mutation RegisterDevice($token: String!, $platform: DevicePlatform!) {
  registerDevice(token: $token, platform: $platform)
}
    `) as unknown as TypedDocumentString<RegisterDeviceMutation, RegisterDeviceMutationVariables>;
export const UnregisterDeviceDocument = new TypedDocumentString(`
    mutation UnregisterDevice($token: String!) {
  unregisterDevice(token: $token)
}
    `) as unknown as TypedDocumentString<UnregisterDeviceMutation, UnregisterDeviceMutationVariables>;
export const MyBookingsDocument = new TypedDocumentString(`
    query MyBookings($upcoming: Boolean! = true, $first: Int! = 20, $after: String) {
  me {
    id
    bookings(upcoming: $upcoming, first: $first, after: $after) {
      edges {
        cursor
        node {
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyBookingsQuery, MyBookingsQueryVariables>;
export const FindSessionsDocument = new TypedDocumentString(`
    query FindSessions($filter: SessionFilter!, $first: Int! = 20, $after: String) {
  sessions(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        startsAt
        endsAt
        placesLeft
        waitlistLength
        cancelled
        distanceBand
        activity {
          id
          title
          venueName
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FindSessionsQuery, FindSessionsQueryVariables>;
export const FindChoicesDocument = new TypedDocumentString(`
    query FindChoices {
  interests {
    id
    label
  }
  me {
    id
    memberProfile {
      hasHome
      travelRadiusMetres
      interests {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindChoicesQuery, FindChoicesQueryVariables>;
export const ForYouDocument = new TypedDocumentString(`
    query ForYou($first: Int! = 10) {
  matchingAdvice {
    needs
    travelRadiusMetres
    unmetAccessNeeds
  }
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
export const MyProfileDocument = new TypedDocumentString(`
    query MyProfile {
  me {
    id
    displayName
    memberProfile {
      ...ProfileFields
    }
  }
}
    fragment ProfileFields on MemberProfile {
  hasHome
  postcode
  travelRadiusMetres
  accessibilityNeeds
  goals
  availability {
    weekday
    start
    end
  }
  interests {
    id
  }
  area {
    id
    name
  }
}`) as unknown as TypedDocumentString<MyProfileQuery, MyProfileQueryVariables>;
export const InterestCatalogueDocument = new TypedDocumentString(`
    query InterestCatalogue {
  interests {
    id
    slug
    label
    group
    groupLabel
  }
}
    `) as unknown as TypedDocumentString<InterestCatalogueQuery, InterestCatalogueQueryVariables>;
export const GoalCatalogueDocument = new TypedDocumentString(`
    query GoalCatalogue {
  goals {
    slug
    label
  }
}
    `) as unknown as TypedDocumentString<GoalCatalogueQuery, GoalCatalogueQueryVariables>;
export const UpdateMemberProfileDocument = new TypedDocumentString(`
    mutation UpdateMemberProfile($input: MemberProfileInput!) {
  updateMemberProfile(input: $input) {
    ...ProfileFields
  }
}
    fragment ProfileFields on MemberProfile {
  hasHome
  postcode
  travelRadiusMetres
  accessibilityNeeds
  goals
  availability {
    weekday
    start
    end
  }
  interests {
    id
  }
  area {
    id
    name
  }
}`) as unknown as TypedDocumentString<UpdateMemberProfileMutation, UpdateMemberProfileMutationVariables>;
export const SessionPageDocument = new TypedDocumentString(`
    query SessionPage($id: ID!) {
  session(id: $id) {
    id
    startsAt
    endsAt
    capacity
    placesLeft
    waitlistLength
    cancelled
    distanceBand
    knownGoing
    activity {
      id
      title
      description
      venueName
      venueAddress
      accessibility
    }
  }
  me {
    id
    bookings(upcoming: true, first: 50) {
      edges {
        node {
          id
          status
          waitlistPosition
          session {
            id
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SessionPageQuery, SessionPageQueryVariables>;
export const JoinSessionDocument = new TypedDocumentString(`
    mutation JoinSession($sessionId: ID!) {
  joinSession(sessionId: $sessionId) {
    id
    status
    waitlistPosition
    session {
      id
      placesLeft
      waitlistLength
    }
  }
}
    `) as unknown as TypedDocumentString<JoinSessionMutation, JoinSessionMutationVariables>;
export const LeaveSessionDocument = new TypedDocumentString(`
    mutation LeaveSession($sessionId: ID!) {
  leaveSession(sessionId: $sessionId) {
    id
    status
    waitlistPosition
    session {
      id
      placesLeft
      waitlistLength
    }
  }
}
    `) as unknown as TypedDocumentString<LeaveSessionMutation, LeaveSessionMutationVariables>;
export const MyNudgePreferencesDocument = new TypedDocumentString(`
    query MyNudgePreferences {
  myNudgePreferences {
    channels
    quietHoursStart
    quietHoursEnd
    language
  }
}
    `) as unknown as TypedDocumentString<MyNudgePreferencesQuery, MyNudgePreferencesQueryVariables>;
export const UpdateNudgePreferencesDocument = new TypedDocumentString(`
    mutation UpdateNudgePreferences($input: NudgePreferencesInput!) {
  updateNudgePreferences(input: $input) {
    channels
    quietHoursStart
    quietHoursEnd
    language
  }
}
    `) as unknown as TypedDocumentString<UpdateNudgePreferencesMutation, UpdateNudgePreferencesMutationVariables>;
export const LeaveKithDocument = new TypedDocumentString(`
    mutation LeaveKith {
  leaveKith
}
    `) as unknown as TypedDocumentString<LeaveKithMutation, LeaveKithMutationVariables>;
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