// The catalogue is public: anyone, signed in or not, reads what a publication made public. There
// is nothing to authorize; what is public is decided by what the repository selects (published
// lists only, never a USCC or a person).
export {};
