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
    "mutation RegisterDevice($token: String!, $platform: DevicePlatform!) {\n  registerDevice(token: $token, platform: $platform)\n}\n\nmutation UnregisterDevice($token: String!) {\n  unregisterDevice(token: $token)\n}": typeof types.RegisterDeviceDocument,
    "query MyBookings($upcoming: Boolean! = true, $first: Int! = 20, $after: String) {\n  me {\n    id\n    bookings(upcoming: $upcoming, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n            startsAt\n            endsAt\n            cancelled\n            activity {\n              id\n              title\n              venueName\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyBookingsDocument,
    "query FindSessions($filter: SessionFilter!, $first: Int! = 20, $after: String) {\n  sessions(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        placesLeft\n        waitlistLength\n        cancelled\n        distanceBand\n        activity {\n          id\n          title\n          venueName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FindChoices {\n  interests {\n    id\n    label\n  }\n  me {\n    id\n    memberProfile {\n      hasHome\n      travelRadiusMetres\n      interests {\n        id\n      }\n    }\n  }\n}": typeof types.FindSessionsDocument,
    "query ForYou($first: Int! = 10) {\n  matchingNeeds\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": typeof types.ForYouDocument,
    "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}": typeof types.MyInboxDocument,
    "query SessionPage($id: ID!) {\n  session(id: $id) {\n    id\n    startsAt\n    endsAt\n    capacity\n    placesLeft\n    waitlistLength\n    cancelled\n    distanceBand\n    knownGoing\n    activity {\n      id\n      title\n      description\n      venueName\n      venueAddress\n      accessibility\n    }\n  }\n  me {\n    id\n    bookings(upcoming: true, first: 50) {\n      edges {\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n          }\n        }\n      }\n    }\n  }\n}\n\nmutation JoinSession($sessionId: ID!) {\n  joinSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}\n\nmutation LeaveSession($sessionId: ID!) {\n  leaveSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}": typeof types.SessionPageDocument,
    "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}": typeof types.RequestSignInCodeDocument,
};
const documents: Documents = {
    "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nmutation SignOut {\n  signOut\n}": types.RefreshSessionDocument,
    "mutation RegisterDevice($token: String!, $platform: DevicePlatform!) {\n  registerDevice(token: $token, platform: $platform)\n}\n\nmutation UnregisterDevice($token: String!) {\n  unregisterDevice(token: $token)\n}": types.RegisterDeviceDocument,
    "query MyBookings($upcoming: Boolean! = true, $first: Int! = 20, $after: String) {\n  me {\n    id\n    bookings(upcoming: $upcoming, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n            startsAt\n            endsAt\n            cancelled\n            activity {\n              id\n              title\n              venueName\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyBookingsDocument,
    "query FindSessions($filter: SessionFilter!, $first: Int! = 20, $after: String) {\n  sessions(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        placesLeft\n        waitlistLength\n        cancelled\n        distanceBand\n        activity {\n          id\n          title\n          venueName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FindChoices {\n  interests {\n    id\n    label\n  }\n  me {\n    id\n    memberProfile {\n      hasHome\n      travelRadiusMetres\n      interests {\n        id\n      }\n    }\n  }\n}": types.FindSessionsDocument,
    "query ForYou($first: Int! = 10) {\n  matchingNeeds\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}": types.ForYouDocument,
    "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}": types.MyInboxDocument,
    "query SessionPage($id: ID!) {\n  session(id: $id) {\n    id\n    startsAt\n    endsAt\n    capacity\n    placesLeft\n    waitlistLength\n    cancelled\n    distanceBand\n    knownGoing\n    activity {\n      id\n      title\n      description\n      venueName\n      venueAddress\n      accessibility\n    }\n  }\n  me {\n    id\n    bookings(upcoming: true, first: 50) {\n      edges {\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n          }\n        }\n      }\n    }\n  }\n}\n\nmutation JoinSession($sessionId: ID!) {\n  joinSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}\n\nmutation LeaveSession($sessionId: ID!) {\n  leaveSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}": types.SessionPageDocument,
    "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}": types.RequestSignInCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n  }\n}\n\nmutation SignOut {\n  signOut\n}"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterDevice($token: String!, $platform: DevicePlatform!) {\n  registerDevice(token: $token, platform: $platform)\n}\n\nmutation UnregisterDevice($token: String!) {\n  unregisterDevice(token: $token)\n}"): typeof import('./graphql').RegisterDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyBookings($upcoming: Boolean! = true, $first: Int! = 20, $after: String) {\n  me {\n    id\n    bookings(upcoming: $upcoming, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n            startsAt\n            endsAt\n            cancelled\n            activity {\n              id\n              title\n              venueName\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql').MyBookingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FindSessions($filter: SessionFilter!, $first: Int! = 20, $after: String) {\n  sessions(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        placesLeft\n        waitlistLength\n        cancelled\n        distanceBand\n        activity {\n          id\n          title\n          venueName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery FindChoices {\n  interests {\n    id\n    label\n  }\n  me {\n    id\n    memberProfile {\n      hasHome\n      travelRadiusMetres\n      interests {\n        id\n      }\n    }\n  }\n}"): typeof import('./graphql').FindSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ForYou($first: Int! = 10) {\n  matchingNeeds\n  recommendedSessions(first: $first) {\n    score\n    reasons {\n      code\n      text\n    }\n    session {\n      id\n      startsAt\n      endsAt\n      placesLeft\n      cancelled\n      distanceBand\n      activity {\n        id\n        title\n        venueName\n      }\n    }\n  }\n}"): typeof import('./graphql').ForYouDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyInbox($first: Int! = 20, $after: String) {\n  myInbox(first: $first, after: $after) {\n    unreadCount\n    edges {\n      cursor\n      node {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        link {\n          screen\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation MarkNudgeRead($id: ID!) {\n  markNudgeRead(id: $id) {\n    id\n    readAt\n  }\n}"): typeof import('./graphql').MyInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionPage($id: ID!) {\n  session(id: $id) {\n    id\n    startsAt\n    endsAt\n    capacity\n    placesLeft\n    waitlistLength\n    cancelled\n    distanceBand\n    knownGoing\n    activity {\n      id\n      title\n      description\n      venueName\n      venueAddress\n      accessibility\n    }\n  }\n  me {\n    id\n    bookings(upcoming: true, first: 50) {\n      edges {\n        node {\n          id\n          status\n          waitlistPosition\n          session {\n            id\n          }\n        }\n      }\n    }\n  }\n}\n\nmutation JoinSession($sessionId: ID!) {\n  joinSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}\n\nmutation LeaveSession($sessionId: ID!) {\n  leaveSession(sessionId: $sessionId) {\n    id\n    status\n    waitlistPosition\n    session {\n      id\n      placesLeft\n      waitlistLength\n    }\n  }\n}"): typeof import('./graphql').SessionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestSignInCode($email: String!) {\n  requestSignInCode(email: $email)\n}\n\nmutation SignIn($email: String!, $code: String!) {\n  signIn(email: $email, code: $code) {\n    accessToken\n    refreshToken\n    person {\n      id\n      displayName\n    }\n  }\n}"): typeof import('./graphql').RequestSignInCodeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
