import { Foundation1795479818721 } from './1795479818721-Foundation';
import { Community1795482610617 } from './1795482610617-Community';
import { Help1795484390364 } from './1795484390364-Help';
import { ContactAndTimeBank1795484818718 } from './1795484818718-ContactAndTimeBank';
import { Introductions1795486642719 } from './1795486642719-Introductions';
import { AreaAt1795488000000 } from './1795488000000-AreaAt';
import { CityScale1795490000000 } from './1795490000000-CityScale';
import { BookedPlaces1795492838303 } from './1795492838303-BookedPlaces';
import { JobLife1795500000000 } from './1795500000000-JobLife';
import { Idempotency1795510000000 } from './1795510000000-Idempotency';
import { ApprovalArea1795520000000 } from './1795520000000-ApprovalArea';
import { CoarsePlaces1795530000000 } from './1795530000000-CoarsePlaces';
import { AssignmentOverride1795540000000 } from './1795540000000-AssignmentOverride';
import { Nudges1795550000000 } from './1795550000000-Nudges';
import { NudgeDelivery1795560000000 } from './1795560000000-NudgeDelivery';
import { CheckIns1795570000000 } from './1795570000000-CheckIns';
import { NudgeHistoryIndex1795580000000 } from './1795580000000-NudgeHistoryIndex';
import { SurveyInstruments1795590000000 } from './1795590000000-SurveyInstruments';
import { SurveyResponses1795600000000 } from './1795600000000-SurveyResponses';
import { Ties1795610000000 } from './1795610000000-Ties';
import { NetworkSnapshots1795620000000 } from './1795620000000-NetworkSnapshots';
import { Leaving1795630000000 } from './1795630000000-Leaving';
import { TieReporter1795640000000 } from './1795640000000-TieReporter';
import { ImdDeciles1795650000000 } from './1795650000000-ImdDeciles';
import { Participation1795660000000 } from './1795660000000-Participation';
import { ParticipationMonths1795670000000 } from './1795670000000-ParticipationMonths';
import { EqualityMonitoring1795680000000 } from './1795680000000-EqualityMonitoring';
import { MemberJoins1795690000000 } from './1795690000000-MemberJoins';
import { AnswerReach1795700000000 } from './1795700000000-AnswerReach';
import { ReportQuarters1795710000000 } from './1795710000000-ReportQuarters';
import { RecordKeysAndHomes1795720000000 } from './1795720000000-RecordKeysAndHomes';
import { PerturbedRollups1795721000000 } from './1795721000000-PerturbedRollups';
import { DeviceSessions1795730000000 } from './1795730000000-DeviceSessions';
import { ConsentToBeSeen1795740000000 } from './1795740000000-ConsentToBeSeen';
import { IntroductionWithdrawn1795740000001 } from './1795740000001-IntroductionWithdrawn';
import { WithdrawClosedIntroductions1795740000002 } from './1795740000002-WithdrawClosedIntroductions';
import { ShownInterests1795740000003 } from './1795740000003-ShownInterests';
import { InterestReach1795750000000 } from './1795750000000-InterestReach';
import { Postcodes1795760000000 } from './1795760000000-Postcodes';
import { MemberAppFields1795770000000 } from './1795770000000-MemberAppFields';
import { HelperBasePostcode1795780000000 } from './1795780000000-HelperBasePostcode';

/** Every migration, oldest first. A test fails when the entities drift from these. */
export const MIGRATIONS = [
  Foundation1795479818721,
  Community1795482610617,
  Help1795484390364,
  ContactAndTimeBank1795484818718,
  Introductions1795486642719,
  AreaAt1795488000000,
  CityScale1795490000000,
  BookedPlaces1795492838303,
  JobLife1795500000000,
  Idempotency1795510000000,
  ApprovalArea1795520000000,
  CoarsePlaces1795530000000,
  AssignmentOverride1795540000000,
  Nudges1795550000000,
  NudgeDelivery1795560000000,
  CheckIns1795570000000,
  NudgeHistoryIndex1795580000000,
  SurveyInstruments1795590000000,
  SurveyResponses1795600000000,
  Ties1795610000000,
  NetworkSnapshots1795620000000,
  Leaving1795630000000,
  TieReporter1795640000000,
  ImdDeciles1795650000000,
  Participation1795660000000,
  ParticipationMonths1795670000000,
  EqualityMonitoring1795680000000,
  MemberJoins1795690000000,
  AnswerReach1795700000000,
  ReportQuarters1795710000000,
  RecordKeysAndHomes1795720000000,
  PerturbedRollups1795721000000,
  DeviceSessions1795730000000,
  ConsentToBeSeen1795740000000,
  IntroductionWithdrawn1795740000001,
  WithdrawClosedIntroductions1795740000002,
  ShownInterests1795740000003,
  InterestReach1795750000000,
  Postcodes1795760000000,
  MemberAppFields1795770000000,
  HelperBasePostcode1795780000000,
];
