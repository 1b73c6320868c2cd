// The thresholds are part of a campaign's settings, so their schema lives with the campaign's.
export * from '../../../domain/duplicate-settings';
