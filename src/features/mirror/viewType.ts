// The My reviews panel's view type (also in package.json's activation events).
export const MIRROR_VIEW_TYPE = 'reviewMentor.myReviews';
