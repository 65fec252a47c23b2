import { registerEnumType } from '@nestjs/graphql';
import { AccessibilityFeature, ActivityStatus, BookingStatus, Weekday } from '@kith/community';

// Registered once, where every community model and input that uses them can import them from.
registerEnumType(Weekday, { name: 'Weekday' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });
registerEnumType(AccessibilityFeature, { name: 'AccessibilityFeature' });
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: 'APPROVED, or a member-led PROPOSED one awaiting a coordinator, or DECLINED',
});

export { AccessibilityFeature, ActivityStatus, BookingStatus, Weekday };
