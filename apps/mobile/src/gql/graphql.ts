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

export type AssignmentStatus =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'OFFERED'
  | 'WITHDRAWN';

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

export type HelpRequestInput = {
  atHome: boolean;
  description: string;
  durationMinutes: number;
  /** Where to meet when the help is not at home (up to 200 characters) */
  meetingPlace?: string | null | undefined;
  preferredWindows?: Array<AvailabilityWindowInput> | null | undefined;
  /** Come with me to this session: first-visit support */
  sessionId?: string | number | null | undefined;
  skillId: string | number;
};

export type HelpRequestStatus =
  | 'ACCEPTED'
  | 'ASSIGNED'
  | 'CANCELLED'
  | 'DONE'
  | 'OPEN';

export type HelperProfileInput = {
  availability: Array<AvailabilityWindowInput>;
  /** Where you set out from, as coordinates (operators and tests); or give basePostcode */
  base?: LatLngInput | null | undefined;
  /** The postcode you set out from (never shown to anyone); one of base and basePostcode is needed */
  basePostcode?: string | null | undefined;
  maxMinutesPerWeek?: number | null | undefined;
  skillIds: Array<string | number>;
  travelRadiusMetres: number;
};

export type HelperStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'SUSPENDED';

export type IntroductionStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING'
  | 'WITHDRAWN';

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

export type Role =
  | 'COMMISSIONER'
  | 'COORDINATOR'
  | 'HELPER'
  | 'MEMBER';

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

export type SurveyAnswerInput = {
  itemId: string;
  value: number;
};

export type TieSource =
  | 'CO_ATTENDANCE'
  | 'HELP'
  | 'INTRODUCTION'
  | 'SELF_REPORTED';

/** What an entry was for you: help you gave, help you received, minutes granted to you */
export type TimeCreditEntryKind =
  | 'GRANT'
  | 'HELP_GIVEN'
  | 'HELP_RECEIVED'
  | 'OTHER';

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

export type SkillsQueryVariables = Exact<{ [key: string]: never; }>;


export type SkillsQuery = { skills: Array<{ id: string, label: string }> };

export type CreateHelpRequestMutationVariables = Exact<{
  input: HelpRequestInput;
}>;


export type CreateHelpRequestMutation = { createHelpRequest: { id: string, status: HelpRequestStatus } };

export type MyHelpRequestsQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type MyHelpRequestsQuery = { me: { id: string, helpRequests: { edges: Array<{ cursor: string, node: { id: string, status: HelpRequestStatus, description: string, durationMinutes: number, atHome: boolean, meetingPlace: string | null, createdAt: string, skill: { id: string, label: string }, helper: { firstName: string, status: AssignmentStatus, scheduledAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type MyTimeCreditsQueryVariables = Exact<{
  first?: number;
}>;


export type MyTimeCreditsQuery = { myTimeCredits: { balanceMinutes: number }, me: { id: string, timeCreditEntries: { edges: Array<{ cursor: string, node: { at: string, kind: TimeCreditEntryKind, minutes: number } }> } } };

export type CancelHelpRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelHelpRequestMutation = { cancelHelpRequest: { id: string, status: HelpRequestStatus } };

export type HelpingQueryVariables = Exact<{ [key: string]: never; }>;


export type HelpingQuery = { me: { id: string, helperProfile: { status: HelperStatus, approved: boolean, dbsExpiresOnDate: string | null, travelRadiusMetres: number, maxMinutesPerWeek: number | null, skills: Array<{ id: string, label: string }> } | null }, myAssignments: Array<{ id: string, status: AssignmentStatus, scheduledAt: string | null, minutes: number | null, member: { firstName: string, distanceBand: string | null, address: string | null, phone: string | null } | null, request: { id: string, description: string, durationMinutes: number, atHome: boolean, meetingPlace: string | null, skill: { id: string, label: string } } }> };

export type RespondToAssignmentMutationVariables = Exact<{
  id: string | number;
  accept: boolean;
  at?: string | null | undefined;
}>;


export type RespondToAssignmentMutation = { respondToAssignment: { id: string, status: AssignmentStatus, scheduledAt: string | null } };

export type ScheduleAssignmentMutationVariables = Exact<{
  id: string | number;
  at: string;
}>;


export type ScheduleAssignmentMutation = { scheduleAssignment: { id: string, status: AssignmentStatus, scheduledAt: string | null } };

export type CompleteAssignmentMutationVariables = Exact<{
  id: string | number;
  minutes: number;
}>;


export type CompleteAssignmentMutation = { completeAssignment: { id: string, status: AssignmentStatus, minutes: number | null } };

export type OfferTimeQueryVariables = Exact<{ [key: string]: never; }>;


export type OfferTimeQuery = { skills: Array<{ id: string, label: string }>, me: { id: string, helperProfile: { status: HelperStatus, basePostcode: string | null, travelRadiusMetres: number, maxMinutesPerWeek: number | null, availability: Array<{ weekday: Weekday, start: string, end: string }>, skills: Array<{ id: string, label: string }> } | null } };

export type UpdateHelperProfileMutationVariables = Exact<{
  input: HelperProfileInput;
}>;


export type UpdateHelperProfileMutation = { updateHelperProfile: { status: HelperStatus, approved: boolean } };

export type MyInboxQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type MyInboxQuery = { myInbox: { unreadCount: number, edges: Array<{ cursor: string, node: { id: string, kind: NudgeKind, title: string, body: string, createdAt: string, readAt: string | null, link: { screen: string, id: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNudgeReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNudgeReadMutation = { markNudgeRead: { id: string, readAt: string | null } };

export type MoreMenuQueryVariables = Exact<{ [key: string]: never; }>;


export type MoreMenuQuery = { me: { id: string, roles: Array<{ role: Role }>, helperProfile: { status: HelperStatus } | null }, pendingSurveys: Array<{ dueOn: string, instrument: { id: string } }> };

export type MyIntroductionsQueryVariables = Exact<{
  first?: number;
  after?: string | null | undefined;
}>;


export type MyIntroductionsQuery = { me: { id: string, introductions: { edges: Array<{ cursor: string, node: { id: string, status: IntroductionStatus, message: string | null, createdAt: string, from: { id: string, displayName: string }, to: { id: string, displayName: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type RespondToIntroductionMutationVariables = Exact<{
  id: string | number;
  accept: boolean;
}>;


export type RespondToIntroductionMutation = { respondToIntroduction: { id: string, status: IntroductionStatus } };

export type OthersWhoCameQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type OthersWhoCameQuery = { othersWhoCame: Array<{ id: string, displayName: string }>, session: { id: string, startsAt: string, activity: { id: string, title: string } } | null };

export type RecordContactsMutationVariables = Exact<{
  sessionId: string | number;
  personIds: Array<string | number> | string | number;
}>;


export type RecordContactsMutation = { recordContacts: number };

export type MyNetworkQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNetworkQuery = { myNetwork: { contacts: Array<{ circle: number | null, confirmed: boolean, lastContactAt: string | null, sources: Array<TieSource>, person: { id: string, displayName: string } }>, gains: Array<{ code: string, text: string }>, hiddenContacts: Array<{ person: { id: string, displayName: string } }> } };

export type RecentSessionsQueryVariables = Exact<{
  first?: number;
}>;


export type RecentSessionsQuery = { me: { id: string, bookings: { edges: Array<{ node: { id: string, status: BookingStatus, session: { id: string, startsAt: string, activity: { id: string, title: string } } } }> } } };

export type SetContactCircleMutationVariables = Exact<{
  personId: string | number;
  circle?: number | null | undefined;
}>;


export type SetContactCircleMutation = { setContactCircle: { circle: number | null, person: { id: string } } };

export type HideContactMutationVariables = Exact<{
  personId: string | number;
}>;


export type HideContactMutation = { hideContact: boolean };

export type UnhideContactMutationVariables = Exact<{
  personId: string | number;
}>;


export type UnhideContactMutation = { unhideContact: { circle: number | null, confirmed: boolean, lastContactAt: string | null, sources: Array<TieSource>, person: { id: string, displayName: string } } };

export type SuggestedPeersQueryVariables = Exact<{
  first?: number;
}>;


export type SuggestedPeersQuery = { suggestedPeers: Array<{ score: number, reasons: Array<{ code: string, text: string }>, person: { id: string, displayName: string, distanceBand: string | null } }> };

export type RequestIntroductionMutationVariables = Exact<{
  personId: string | number;
  message?: string | null | undefined;
}>;


export type RequestIntroductionMutation = { requestIntroduction: { id: string, status: IntroductionStatus } };

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


export type SessionPageQuery = { session: { id: string, startsAt: string, endsAt: string, capacity: number, placesLeft: number, waitlistLength: number, cancelled: boolean, distanceBand: string | null, knownGoing: Array<string>, activity: { id: string, title: string, description: string, venueName: string, venueAddress: string | null, accessibility: Array<AccessibilityFeature> }, myBooking: { id: string, status: BookingStatus, waitlistPosition: number | null } | null } | null };

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

export type PendingSurveysQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingSurveysQuery = { pendingSurveys: Array<{ stage: string, dueOn: string, instrument: { id: string, version: number, title: string, items: Array<{ id: string, text: string, options: Array<{ value: number, label: string }> }> } }> };

export type SubmitSurveyMutationVariables = Exact<{
  instrumentId: string | number;
  answers: Array<SurveyAnswerInput> | SurveyAnswerInput;
}>;


export type SubmitSurveyMutation = { submitSurvey: { id: string, instrumentId: string } };

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
export const SkillsDocument = new TypedDocumentString(`
    query Skills {
  skills {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<SkillsQuery, SkillsQueryVariables>;
export const CreateHelpRequestDocument = new TypedDocumentString(`
    mutation CreateHelpRequest($input: HelpRequestInput!) {
  createHelpRequest(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateHelpRequestMutation, CreateHelpRequestMutationVariables>;
export const MyHelpRequestsDocument = new TypedDocumentString(`
    query MyHelpRequests($first: Int! = 20, $after: String) {
  me {
    id
    helpRequests(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          status
          description
          durationMinutes
          atHome
          meetingPlace
          createdAt
          skill {
            id
            label
          }
          helper {
            firstName
            status
            scheduledAt
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
    `) as unknown as TypedDocumentString<MyHelpRequestsQuery, MyHelpRequestsQueryVariables>;
export const MyTimeCreditsDocument = new TypedDocumentString(`
    query MyTimeCredits($first: Int! = 10) {
  myTimeCredits {
    balanceMinutes
  }
  me {
    id
    timeCreditEntries(first: $first) {
      edges {
        cursor
        node {
          at
          kind
          minutes
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyTimeCreditsQuery, MyTimeCreditsQueryVariables>;
export const CancelHelpRequestDocument = new TypedDocumentString(`
    mutation CancelHelpRequest($id: ID!) {
  cancelHelpRequest(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelHelpRequestMutation, CancelHelpRequestMutationVariables>;
export const HelpingDocument = new TypedDocumentString(`
    query Helping {
  me {
    id
    helperProfile {
      status
      approved
      dbsExpiresOnDate
      travelRadiusMetres
      maxMinutesPerWeek
      skills {
        id
        label
      }
    }
  }
  myAssignments {
    id
    status
    scheduledAt
    minutes
    member {
      firstName
      distanceBand
      address
      phone
    }
    request {
      id
      description
      durationMinutes
      atHome
      meetingPlace
      skill {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HelpingQuery, HelpingQueryVariables>;
export const RespondToAssignmentDocument = new TypedDocumentString(`
    mutation RespondToAssignment($id: ID!, $accept: Boolean!, $at: DateTime) {
  respondToAssignment(id: $id, accept: $accept, at: $at) {
    id
    status
    scheduledAt
  }
}
    `) as unknown as TypedDocumentString<RespondToAssignmentMutation, RespondToAssignmentMutationVariables>;
export const ScheduleAssignmentDocument = new TypedDocumentString(`
    mutation ScheduleAssignment($id: ID!, $at: DateTime!) {
  scheduleAssignment(id: $id, at: $at) {
    id
    status
    scheduledAt
  }
}
    `) as unknown as TypedDocumentString<ScheduleAssignmentMutation, ScheduleAssignmentMutationVariables>;
export const CompleteAssignmentDocument = new TypedDocumentString(`
    mutation CompleteAssignment($id: ID!, $minutes: Int!) {
  completeAssignment(id: $id, minutes: $minutes) {
    id
    status
    minutes
  }
}
    `) as unknown as TypedDocumentString<CompleteAssignmentMutation, CompleteAssignmentMutationVariables>;
export const OfferTimeDocument = new TypedDocumentString(`
    query OfferTime {
  skills {
    id
    label
  }
  me {
    id
    helperProfile {
      status
      basePostcode
      availability {
        weekday
        start
        end
      }
      travelRadiusMetres
      maxMinutesPerWeek
      skills {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfferTimeQuery, OfferTimeQueryVariables>;
export const UpdateHelperProfileDocument = new TypedDocumentString(`
    mutation UpdateHelperProfile($input: HelperProfileInput!) {
  updateHelperProfile(input: $input) {
    status
    approved
  }
}
    `) as unknown as TypedDocumentString<UpdateHelperProfileMutation, UpdateHelperProfileMutationVariables>;
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
export const MoreMenuDocument = new TypedDocumentString(`
    query MoreMenu {
  me {
    id
    roles {
      role
    }
    helperProfile {
      status
    }
  }
  pendingSurveys {
    dueOn
    instrument {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MoreMenuQuery, MoreMenuQueryVariables>;
export const MyIntroductionsDocument = new TypedDocumentString(`
    query MyIntroductions($first: Int! = 20, $after: String) {
  me {
    id
    introductions(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          status
          message
          createdAt
          from {
            id
            displayName
          }
          to {
            id
            displayName
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
    `) as unknown as TypedDocumentString<MyIntroductionsQuery, MyIntroductionsQueryVariables>;
export const RespondToIntroductionDocument = new TypedDocumentString(`
    mutation RespondToIntroduction($id: ID!, $accept: Boolean!) {
  respondToIntroduction(id: $id, accept: $accept) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RespondToIntroductionMutation, RespondToIntroductionMutationVariables>;
export const OthersWhoCameDocument = new TypedDocumentString(`
    query OthersWhoCame($sessionId: ID!) {
  othersWhoCame(sessionId: $sessionId) {
    id
    displayName
  }
  session(id: $sessionId) {
    id
    startsAt
    activity {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<OthersWhoCameQuery, OthersWhoCameQueryVariables>;
export const RecordContactsDocument = new TypedDocumentString(`
    mutation RecordContacts($sessionId: ID!, $personIds: [ID!]!) {
  recordContacts(sessionId: $sessionId, personIds: $personIds)
}
    `) as unknown as TypedDocumentString<RecordContactsMutation, RecordContactsMutationVariables>;
export const MyNetworkDocument = new TypedDocumentString(`
    query MyNetwork {
  myNetwork {
    contacts {
      circle
      confirmed
      lastContactAt
      sources
      person {
        id
        displayName
      }
    }
    gains {
      code
      text
    }
    hiddenContacts {
      person {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyNetworkQuery, MyNetworkQueryVariables>;
export const RecentSessionsDocument = new TypedDocumentString(`
    query RecentSessions($first: Int! = 10) {
  me {
    id
    bookings(upcoming: false, first: $first) {
      edges {
        node {
          id
          status
          session {
            id
            startsAt
            activity {
              id
              title
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecentSessionsQuery, RecentSessionsQueryVariables>;
export const SetContactCircleDocument = new TypedDocumentString(`
    mutation SetContactCircle($personId: ID!, $circle: Int) {
  setContactCircle(personId: $personId, circle: $circle) {
    circle
    person {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetContactCircleMutation, SetContactCircleMutationVariables>;
export const HideContactDocument = new TypedDocumentString(`
    mutation HideContact($personId: ID!) {
  hideContact(personId: $personId)
}
    `) as unknown as TypedDocumentString<HideContactMutation, HideContactMutationVariables>;
export const UnhideContactDocument = new TypedDocumentString(`
    mutation UnhideContact($personId: ID!) {
  unhideContact(personId: $personId) {
    circle
    confirmed
    lastContactAt
    sources
    person {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<UnhideContactMutation, UnhideContactMutationVariables>;
export const SuggestedPeersDocument = new TypedDocumentString(`
    query SuggestedPeers($first: Int! = 10) {
  suggestedPeers(first: $first) {
    score
    reasons {
      code
      text
    }
    person {
      id
      displayName
      distanceBand
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestedPeersQuery, SuggestedPeersQueryVariables>;
export const RequestIntroductionDocument = new TypedDocumentString(`
    mutation RequestIntroduction($personId: ID!, $message: String) {
  requestIntroduction(personId: $personId, message: $message) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestIntroductionMutation, RequestIntroductionMutationVariables>;
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
    myBooking {
      id
      status
      waitlistPosition
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
export const PendingSurveysDocument = new TypedDocumentString(`
    query PendingSurveys {
  pendingSurveys {
    stage
    dueOn
    instrument {
      id
      version
      title
      items {
        id
        text
        options {
          value
          label
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PendingSurveysQuery, PendingSurveysQueryVariables>;
export const SubmitSurveyDocument = new TypedDocumentString(`
    mutation SubmitSurvey($instrumentId: ID!, $answers: [SurveyAnswerInput!]!) {
  submitSurvey(instrumentId: $instrumentId, answers: $answers) {
    id
    instrumentId
  }
}
    `) as unknown as TypedDocumentString<SubmitSurveyMutation, SubmitSurveyMutationVariables>;