import { useEffect } from 'react';
import { LessonCard } from './LessonCard';
import { LessonsDialog } from './LessonsDialog';
import { startLessonWatch } from './lesson-store';
import { openLessonFromQuery } from './open-lesson';

// `?lesson=ID` opens once per page load (StrictMode runs effects twice in development).
let queryHandled = false;

/** The lesson list and the open lesson's card; keeps the verdict following the document. */
export function LessonHost() {
  useEffect(() => startLessonWatch(), []);
  useEffect(() => {
    if (queryHandled) return;
    queryHandled = true;
    openLessonFromQuery(location.search);
  }, []);
  return (
    <>
      <LessonCard />
      <LessonsDialog />
    </>
  );
}
