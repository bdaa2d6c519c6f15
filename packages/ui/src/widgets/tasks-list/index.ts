'use client';

export { TasksList, type TasksListProps } from './TasksList.js';
