/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nmutation SignOut {\n  signOut\n}": typeof types.RefreshSessionDocument,
    "query MyBookings($upcoming: Boolean! = true) {\n  myBookings(upcoming: $upcoming) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      startsAt\n      endsAt\n      cancelled\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": typeof types.MyBookingsDocument,
    "query ForYou($first: Int! = 10) {\n  matchingAdvice {\n    needs\n    travelRadiusMetres\n    unmetAccessNeeds\n  }\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": typeof types.ForYouDocument,
    "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}": typeof types.MyInboxDocument,
    "fragment ProfileFields on MemberProfile {\n  hasHome\n  postcode\n  travelRadiusMetres\n  accessibilityNeeds\n  goals\n  availability {\n    weekday\n    start\n    end\n  }\n  interests {\n    id\n  }\n  area {\n    id\n    name\n  }\n}\n\nquery MyProfile {\n  me {\n    id\n    displayName\n    memberProfile {\n      ...ProfileFields\n    }\n  }\n}\n\nquery InterestCatalogue {\n  interests {\n    id\n    slug\n    label\n    group\n    groupLabel\n  }\n}\n\nquery GoalCatalogue {\n  goals {\n    slug\n    label\n  }\n}\n\nmutation UpdateMemberProfile($input: MemberProfileInput!) {\n  updateMemberProfile(input: $input) {\n    ...ProfileFields\n  }\n}": typeof types.ProfileFieldsFragmentDoc,
    "query MyNudgePreferences {\n  myNudgePreferences {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation UpdateNudgePreferences($input: NudgePreferencesInput!) {\n  updateNudgePreferences(input: $input) {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation LeaveKith {\n  leaveKith\n}": typeof types.MyNudgePreferencesDocument,
    "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}": typeof types.RequestSignInCodeDocument,
};
const documents: Documents = {
    "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.RefreshSessionDocument,
    "query MyBookings($upcoming: Boolean! = true) {\n  myBookings(upcoming: $upcoming) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      startsAt\n      endsAt\n      cancelled\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": types.MyBookingsDocument,
    "query ForYou($first: Int! = 10) {\n  matchingAdvice {\n    needs\n    travelRadiusMetres\n    unmetAccessNeeds\n  }\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": types.ForYouDocument,
    "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}": types.MyInboxDocument,
    "fragment ProfileFields on MemberProfile {\n  hasHome\n  postcode\n  travelRadiusMetres\n  accessibilityNeeds\n  goals\n  availability {\n    weekday\n    start\n    end\n  }\n  interests {\n    id\n  }\n  area {\n    id\n    name\n  }\n}\n\nquery MyProfile {\n  me {\n    id\n    displayName\n    memberProfile {\n      ...ProfileFields\n    }\n  }\n}\n\nquery InterestCatalogue {\n  interests {\n    id\n    slug\n    label\n    group\n    groupLabel\n  }\n}\n\nquery GoalCatalogue {\n  goals {\n    slug\n    label\n  }\n}\n\nmutation UpdateMemberProfile($input: MemberProfileInput!) {\n  updateMemberProfile(input: $input) {\n    ...ProfileFields\n  }\n}": types.ProfileFieldsFragmentDoc,
    "query MyNudgePreferences {\n  myNudgePreferences {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation UpdateNudgePreferences($input: NudgePreferencesInput!) {\n  updateNudgePreferences(input: $input) {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation LeaveKith {\n  leaveKith\n}": types.MyNudgePreferencesDocument,
    "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}": types.RequestSignInCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyBookings($upcoming: Boolean! = true) {\n  myBookings(upcoming: $upcoming) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      startsAt\n      endsAt\n      cancelled\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}"): typeof import('./graphql').MyBookingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ForYou($first: Int! = 10) {\n  matchingAdvice {\n    needs\n    travelRadiusMetres\n    unmetAccessNeeds\n  }\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}"): typeof import('./graphql').ForYouDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}"): typeof import('./graphql').MyInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProfileFields on MemberProfile {\n  hasHome\n  postcode\n  travelRadiusMetres\n  accessibilityNeeds\n  goals\n  availability {\n    weekday\n    start\n    end\n  }\n  interests {\n    id\n  }\n  area {\n    id\n    name\n  }\n}\n\nquery MyProfile {\n  me {\n    id\n    displayName\n    memberProfile {\n      ...ProfileFields\n    }\n  }\n}\n\nquery InterestCatalogue {\n  interests {\n    id\n    slug\n    label\n    group\n    groupLabel\n  }\n}\n\nquery GoalCatalogue {\n  goals {\n    slug\n    label\n  }\n}\n\nmutation UpdateMemberProfile($input: MemberProfileInput!) {\n  updateMemberProfile(input: $input) {\n    ...ProfileFields\n  }\n}"): typeof import('./graphql').ProfileFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyNudgePreferences {\n  myNudgePreferences {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation UpdateNudgePreferences($input: NudgePreferencesInput!) {\n  updateNudgePreferences(input: $input) {\n    channels\n    quietHoursStart\n    quietHoursEnd\n    language\n  }\n}\n\nmutation LeaveKith {\n  leaveKith\n}"): typeof import('./graphql').MyNudgePreferencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}"): typeof import('./graphql').RequestSignInCodeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
